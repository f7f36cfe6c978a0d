using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Rating;

public sealed record RateFactor(Guid? AreaId, string? Factor, int? Score, string? Rationale, long? ExpectedVersion);

/// <summary>
/// A reviewer rates for themselves and their own org (the org comes from the token, never the body);
/// a facilitator's rating is the joint one. The stream is locked while deciding, so raters that send no
/// expectedVersion queue up instead of failing on concurrency.
/// </summary>
public static class RateFactorEndpoint
{
    public static ProblemDetails Validate(RateFactor? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        return new RequestErrors()
            .When(command.AreaId is null || command.AreaId == Guid.Empty, "areaId", "'areaId' is required.")
            .When(!FactorKeys.TryParse(command.Factor, out _), "factor", $"'factor' must be one of {FactorKeys.AllKeys}.")
            .When(command.Score is not { } score || !AssessmentRubric.IsOnScale(score), "score",
                $"'score' is required and must be a whole number from {AssessmentRubric.MinScore} to {AssessmentRubric.MaxScore}.")
            .OptionalText("rationale", command.Rationale, RequestErrors.TextMax)
            .ToProblem();
    }

    public static ProblemDetails Before(RateFactor command, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command.ExpectedVersion, command.AreaId);

    [WolverinePost("/api/assessments/{id}/ratings"), Authorize(Roles = "reviewer,facilitator")]
    public static (WriteAccepted, Events) Post(
        RateFactor command,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment,
        ClaimsPrincipal user)
    {
        var rated = Decide(command, user.RequireActor());
        return (new WriteAccepted(assessment.Version + 1), [rated]);
    }

    /// <summary>Pure: which rating event a validated command by this actor stands for.</summary>
    public static object Decide(RateFactor command, Actor actor)
    {
        FactorKeys.TryParse(command.Factor, out var factor);
        var rationale = Blank.ToNull(command.Rationale);
        return actor.IsFacilitator
            ? new JointRatingRecorded(command.AreaId!.Value, factor, command.Score!.Value, rationale)
            : new FactorRated(command.AreaId!.Value, factor, command.Score!.Value, rationale, actor.Id, actor.Org);
    }
}
