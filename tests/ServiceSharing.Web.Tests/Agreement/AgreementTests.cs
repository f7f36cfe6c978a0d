using System.Net;
using System.Text.Json.Nodes;
using ServiceSharing.Domain.Agreement;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Agreement;

public sealed class AgreementTests(SharedApp shared)
{
    private static readonly string[] Factors = ["similarity", "efficiencies", "challenges", "centralization"];

    private TestApp App => shared.App;

    /// <summary>What the test itself posted: every rating with the version it was stored at.</summary>
    private sealed record Posted(long Version, string Area, string Factor, int Reviewer, string Org, int Score);

    [Fact]
    public async Task the_agreement_at_a_replayed_point_equals_a_recomputation_from_the_ratings_up_to_that_point()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet", "IT");
        var orgs = new[] { "city", "city", "county", "county" };
        var reviewers = await Task.WhenAll(orgs.Select((org, i) => App.SignInAsync($"Reviewer {i}", org, "reviewer")));
        var posted = new List<Posted>();

        async Task Rate(int reviewer, string area, string factor, int score)
        {
            var accepted = await reviewers[reviewer].PostJsonAsync($"{assessment.Url}/ratings",
                new { areaId = assessment.Areas[area], factor, score });
            posted.Add(new Posted(accepted.Version(), area, factor, reviewer, orgs[reviewer], score));
        }

        // Step 1: a first pass with gaps.
        await Rate(0, "Payroll", "similarity", 3);
        await Rate(1, "Payroll", "similarity", 4);
        await Rate(2, "Payroll", "similarity", 1);
        await Rate(0, "Fleet", "similarity", 1);
        await Rate(2, "Fleet", "similarity", 2);
        await Rate(3, "IT", "efficiencies", 4);
        await Rate(1, "IT", "efficiencies", 0);
        var step1 = posted[^1].Version;
        await facilitator.PostJsonAsync($"{assessment.Url}/snapshots", new { label = "first-pass" }, HttpStatusCode.Created);

        // Step 2: changed minds (only the latest score per reviewer counts) and more cells; a joint rating, which is not a reviewer's.
        await Rate(2, "Payroll", "similarity", 4);
        await Rate(3, "Payroll", "similarity", 3);
        await Rate(3, "Fleet", "similarity", 0);
        await Rate(0, "IT", "efficiencies", 3);
        await Rate(2, "IT", "challenges", 2);
        await Rate(0, "IT", "challenges", 2);
        await facilitator.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "challenges", score = 4 });
        var step2 = posted[^1].Version;

        // Step 3: after the last point compared, so replay must leave it out.
        await Rate(1, "Fleet", "similarity", 4);

        await ShouldMatchRecomputation(await facilitator.GetJsonAsync($"{assessment.Url}/agreement?version={step1}"), posted, step1, step1, AtStep1);
        await ShouldMatchRecomputation(await facilitator.GetJsonAsync($"{assessment.Url}/agreement?snapshot=first-pass"), posted, step1, step1 + 1, AtStep1);
        await ShouldMatchRecomputation(await facilitator.GetJsonAsync($"{assessment.Url}/agreement?version={step2}"), posted, step2, step2, AtStep2);
        var now = await facilitator.GetJsonAsync($"{assessment.Url}/agreement");
        await ShouldMatchRecomputation(now, posted, long.MaxValue, step2 + 2, AtTheEnd);
        now["alpha"]!.GetValue<double>().ShouldNotBe(
            (await facilitator.GetJsonAsync($"{assessment.Url}/agreement?version={step1}"))["alpha"]!.GetValue<double>(),
            "the check would be empty if both points had the same data");
    }

    /// <summary>Alpha (ordinal) and the city-county kappa (quadratic) expected at a point, worked independently of the
    /// code under test: exact fractions from a separate implementation of the textbook definitions (Krippendorff 2011,
    /// coincidence matrix and ordinal metric; Cohen's weighted kappa as 1 - observed / chance mean squared difference),
    /// which reproduces Krippendorff's published ordinal alpha of 0.815 for his 4-coder example. Null is undefined.
    /// The reliability data: one row per cell, one column per reviewer 0-3 (0 and 1 city, 2 and 3 county).
    /// Step 1: Payroll·similarity (3, 4, 1, -), Fleet·similarity (1, -, 2, -), IT·efficiencies (-, 0, -, 4).
    /// Step 2: Payroll·similarity (3, 4, 4, 3), Fleet·similarity (1, -, 2, 0), IT·efficiencies (3, 0, -, 4),
    /// IT·challenges (2, -, 2, -). The end: Fleet·similarity (1, 4, 2, 0).</summary>
    private sealed record Expected(double? Alpha, double? SimilarityAlpha, double? EfficienciesAlpha, double? SimilarityKappa);

    // Kappa at step 1 pairs Payroll (city median 3.5, county 1) and Fleet (1, 2): observed ((2.5)^2 + 1) / 2 = 3.625,
    // chance (6.25 + 2.25 + 0 + 1) / 4 = 2.375, kappa = 1 - 3.625 / 2.375 = -10/19.
    private static readonly Expected AtStep1 = new(-53.0 / 126, -1.0 / 95, 0, -10.0 / 19);
    private static readonly Expected AtStep2 = new(313.0 / 819, 139.0 / 189, 0, 1);
    private static readonly Expected AtTheEnd = new(25.0 / 299, 16.0 / 79, 0, 10.0 / 19);

    private Task ShouldMatchRecomputation(JsonNode agreement, IReadOnlyList<Posted> posted, long upTo, long expectedVersion, Expected expected)
    {
        agreement.Version().ShouldBe(expectedVersion);
        var latest = posted.Where(p => p.Version <= upTo)
            .GroupBy(p => (p.Area, p.Factor, p.Reviewer))
            .Select(g => g.MaxBy(p => p.Version)!)
            .ToList();
        var areas = agreement["byArea"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToList();

        IReadOnlyList<double?> Unit(string area, string factor) =>
            Enumerable.Range(0, 4).Select(r => (double?)latest.SingleOrDefault(p => p.Area == area && p.Factor == factor && p.Reviewer == r)?.Score).ToList();
        double? OrgMedian(string area, string factor, string org) =>
            SampleMedian.Of(latest.Where(p => p.Area == area && p.Factor == factor && p.Org == org).Select(p => (double?)p.Score)).Value;

        ShouldEqual(agreement["alpha"], expected.Alpha);
        var byFactor = agreement["byFactor"]!;
        ShouldEqual(byFactor["similarity"]!["alpha"], expected.SimilarityAlpha);
        ShouldEqual(byFactor["efficiencies"]!["alpha"], expected.EfficienciesAlpha);
        ShouldEqual(byFactor["similarity"]!["kappaCityCounty"], expected.SimilarityKappa);
        // One cell of two equal scores, or none: no variation to measure, so undefined.
        foreach (var factor in new[] { "challenges", "centralization" })
        {
            ShouldEqual(byFactor[factor]!["alpha"], (double?)null);
        }

        // Efficiencies has one cell rated by both governments, the others none: fewer than two pairs.
        foreach (var factor in new[] { "efficiencies", "challenges", "centralization" })
        {
            ShouldEqual(byFactor[factor]!["kappaCityCounty"], (double?)null);
        }

        foreach (var area in agreement["byArea"]!.AsArray())
        {
            var name = area!["name"]!.GetValue<string>();
            foreach (var factor in Factors)
            {
                var cell = area["byFactor"]![factor]!;
                var unit = Unit(name, factor);
                ShouldEqual(cell["median"], SampleMedian.Of(unit));
                ShouldEqual(cell["iqr"], InterquartileRange.Of(unit));
                ((bool?)cell["disagreement"]?.GetValue<bool>()).ShouldBe(PanelDisagreement.Assess(unit).IsDisagreement);
                var (city, county) = (OrgMedian(name, factor, "city"), OrgMedian(name, factor, "county"));
                ((double?)cell["cityMinusCounty"]?.GetValue<double>()).ShouldBe(city - county);
            }
        }

        return Task.CompletedTask;
    }

    private static void ShouldEqual(JsonNode? actual, Statistic expected) => ShouldEqual(actual, expected.Value, expected.Reason);

    private static void ShouldEqual(JsonNode? actual, double? expected, string? reason = null)
    {
        if (expected is { } value)
        {
            actual.ShouldNotBeNull($"expected {value}");
            actual.GetValue<double>().ShouldBe(value, 1e-12);
        }
        else
        {
            actual.ShouldBeNull($"expected undefined{(reason is null ? "" : $": {reason}")}");
        }
    }

    [Fact]
    public async Task the_answer_keeps_the_contract_names_and_says_why_a_statistic_is_undefined()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var cathy = await App.SignInAsync("Cathy", "city", "reviewer");
        await cathy.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Payroll"], factor = "similarity", score = 2 });

        var response = await facilitator.GetAsync($"{assessment.Url}/agreement");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("NaN");
        var agreement = JsonNode.Parse(text)!;

        agreement["alpha"].ShouldBeNull();
        agreement["alphaReason"]!.GetValue<string>().ShouldBe(UndefinedReasons.FewerThanTwoPairableRatings);
        agreement["alphaReading"]!.GetValue<string>().ShouldStartWith("cannot be judged");
        agreement["byFactor"]!.AsObject().Select(p => p.Key).ShouldBe(Factors);
        foreach (var factor in Factors)
        {
            var byFactor = agreement["byFactor"]![factor]!.AsObject();
            byFactor.ContainsKey("alpha").ShouldBeTrue();
            byFactor["kappaCityCountyReason"]!.GetValue<string>().ShouldBe(UndefinedReasons.FewerThanTwoRatedPairs);
        }

        var payroll = agreement["byArea"]!.AsArray().Single()!;
        payroll.Get<Guid>("areaId").ShouldBe(assessment.Areas["Payroll"]);
        var rated = payroll["byFactor"]!["similarity"]!;
        rated["median"]!.GetValue<double>().ShouldBe(2);
        rated["iqr"]!.GetValue<double>().ShouldBe(0);
        rated["disagreement"].ShouldBeNull();
        rated["disagreementReason"]!.GetValue<string>().ShouldBe(UndefinedReasons.OneRater);
        rated["cityMinusCounty"].ShouldBeNull();
        rated["cityMinusCountyReason"]!.GetValue<string>().ShouldBe("no county reviewer has rated this yet");
        var unrated = payroll["byFactor"]!["centralization"]!.AsObject();
        unrated["median"].ShouldBeNull();
        unrated["medianReason"]!.GetValue<string>().ShouldBe(UndefinedReasons.NoRatings);
        unrated.ContainsKey("iqr").ShouldBeTrue();
    }

    [Fact]
    public async Task unknown_assessments_and_points_are_refused_and_strangers_are_not_let_in()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");

        await (await facilitator.GetAsync($"/api/assessments/{Guid.NewGuid()}/agreement")).ProblemAsync(HttpStatusCode.NotFound);
        await (await facilitator.GetAsync($"{assessment.Url}/agreement?version=999")).ProblemAsync(HttpStatusCode.BadRequest, "version");
        await (await facilitator.GetAsync($"{assessment.Url}/agreement?snapshot=nope")).ProblemAsync(HttpStatusCode.NotFound);
        (await App.Anonymous().GetAsync($"{assessment.Url}/agreement")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
