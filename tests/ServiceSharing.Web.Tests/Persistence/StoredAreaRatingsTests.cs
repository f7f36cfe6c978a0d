using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Web.Tests.Persistence;

/// <summary>An area's ratings as the board stores them: each reviewer once, read back exactly, earlier boards still read.</summary>
public sealed class StoredAreaRatingsTests
{
    private static readonly Guid Ann = Guid.NewGuid(), Bob = Guid.NewGuid(), Cy = Guid.NewGuid();

    /// <summary>The serializer the app's store uses.</summary>
    private static readonly ISerializer Stored = StoreSerializer();

    /// <summary>The form before StoredAreaRatings: the store's own conventions without it.</summary>
    private static readonly JsonSerializerOptions ObjectPerFactor = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void an_area_reads_back_with_the_same_scores_in_the_same_order()
    {
        var area = Area();

        var read = RoundTrip(area);

        read.Name.ShouldBe("Payroll");
        read.Ratings.Keys.ShouldBe(area.Ratings.Keys, ignoreOrder: true);
        foreach (var (factor, cell) in area.Ratings)
        {
            read.Ratings[factor].Reviewers.ShouldBe(cell.Reviewers);
            read.Ratings[factor].Joint.ShouldBe(cell.Joint);
        }
    }

    [Fact]
    public void each_reviewer_is_stored_once_per_area()
    {
        var json = Stored.ToJson(Area());

        CountOf(json, Ann.ToString()).ShouldBe(1);
        CountOf(json, Bob.ToString()).ShouldBe(1);
    }

    [Fact]
    public void an_area_stored_before_reads_as_it_was()
    {
        var area = Area();
        var earlier = JsonSerializer.Serialize(area, ObjectPerFactor);
        earlier.ShouldContain("\"Reviewers\":[{");

        var read = Stored.FromJson<FunctionalArea>(new MemoryStream(Encoding.UTF8.GetBytes(earlier)));

        foreach (var (factor, cell) in area.Ratings)
        {
            read.Ratings[factor].Reviewers.ShouldBe(cell.Reviewers);
            read.Ratings[factor].Joint.ShouldBe(cell.Joint);
        }
    }

    [Fact]
    public void a_board_of_thirty_reviewers_is_a_fraction_of_the_earlier_form()
    {
        var area = new FunctionalArea { Id = Guid.NewGuid(), Name = "Fleet" };
        var reviewers = Enumerable.Range(0, 30).Select(i => (Id: Guid.NewGuid(), Org: i % 2 == 0 ? Org.City : Org.County)).ToList();
        foreach (var factor in Enum.GetValues<Factor>())
        {
            foreach (var (id, org) in reviewers)
            {
                area.RatingsOf(factor).Record(new ReviewerScore(id, org, 2));
            }
        }

        var compact = Stored.ToJson(area).Length;
        var earlier = JsonSerializer.Serialize(area, ObjectPerFactor).Length;

        compact.ShouldBeLessThan(earlier / 3);
        RoundTrip(area).Ratings[Factor.Challenges].Reviewers.Count.ShouldBe(30);
    }

    [Theory]
    [InlineData("{\"Id\":\"00000000-0000-0000-0000-000000000001\",\"Name\":\"x\",\"Ratings\":[[[\"00000000-0000-0000-0000-000000000002\",\"City\"]],{\"Similarity\":{\"Scores\":[[1,2]]}}]}")]
    [InlineData("{\"Id\":\"00000000-0000-0000-0000-000000000001\",\"Name\":\"x\",\"Ratings\":[[],{\"Tidiness\":{}}]}")]
    [InlineData("{\"Id\":\"00000000-0000-0000-0000-000000000001\",\"Name\":\"x\",\"Ratings\":3}")]
    public void a_damaged_area_is_refused_not_misread(string json)
    {
        Should.Throw<Exception>(() => Stored.FromJson<FunctionalArea>(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }

    private static FunctionalArea Area()
    {
        var area = new FunctionalArea { Id = Guid.NewGuid(), Name = "Payroll" };
        area.RatingsOf(Factor.Similarity).Record(new ReviewerScore(Ann, Org.City, 2));
        area.RatingsOf(Factor.Similarity).Record(new ReviewerScore(Bob, Org.County, 3));
        area.RatingsOf(Factor.Similarity).Record(new ReviewerScore(Cy, Org.City, 4));
        area.RatingsOf(Factor.Similarity).Joint = 3;
        area.RatingsOf(Factor.Challenges).Record(new ReviewerScore(Bob, Org.County, 1));
        area.RatingsOf(Factor.Challenges).Record(new ReviewerScore(Ann, Org.City, 0));
        area.RatingsOf(Factor.Centralization).Joint = 4;
        return area;
    }

    private static FunctionalArea RoundTrip(FunctionalArea area) =>
        Stored.FromJson<FunctionalArea>(new MemoryStream(Encoding.UTF8.GetBytes(Stored.ToJson(area))));

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    private static ISerializer StoreSerializer()
    {
        var options = new StoreOptions();
        EventStoreSetup.Configure(options, "Host=127.0.0.1;Database=unused", "unused");
        return options.Serializer();
    }
}
