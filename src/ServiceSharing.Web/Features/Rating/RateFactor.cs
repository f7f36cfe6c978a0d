using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Idempotency;
using ServiceSharing.Web.Persistence;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Rating;

/// <summary>RoundId places the rating in a session round; OnBehalfOf lets a facilitator enter it for a reviewer.</summary>
public sealed record RateFactor(
    Guid? AreaId, string? Factor, int? Score, string? Rationale, long? ExpectedVersion, Guid? RoundId = null, Guid? OnBehalfOf = null);

/// <summary>
/// A reviewer rates for themselves and their own org (the org comes from the token, never the body); a facilitator's
/// rating is the joint one, unless entered for a reviewer in a round. The streams are locked while deciding, so raters
/// that send no expectedVersion queue up instead of failing on concurrency: a rating in a round here, under both
/// streams' locks; a rating on the board in <see cref="BoardRatingQueue"/>, which commits the ratings that queued
/// meanwhile together. In a blind round the score goes to the session's stream only; the reveal puts it on the board.
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
            .When(command.OnBehalfOf is not null && command.RoundId is null, "onBehalfOf", "'onBehalfOf' is for ratings entered in a round: give 'roundId' too.")
            .ToProblem();
    }

    /// <summary>Locks the streams for a rating in a round; a rating on the board is locked and checked by the queue.</summary>
    public static async Task<RatingTarget?> LoadAsync(Guid id, RateFactor command, IDocumentSession session, CancellationToken cancellation) =>
        command.RoundId is null ? null : await RatingTarget.LockAsync(session, id, command.RoundId, cancellation);

    public static ProblemDetails Before(RateFactor command, RatingTarget? target, ClaimsPrincipal user)
    {
        if (target is null)
        {
            return WolverineContinue.NoProblems;
        }

        if (target.Assessment.Aggregate is not { } assessment)
        {
            return Refusals.NotFound("No such assessment.");
        }

        return AssessmentPreconditions.Check(assessment, command.ExpectedVersion, command.AreaId).OrElse(() =>
            command.RoundId is null ? WolverineContinue.NoProblems : RoundRules(command, target, user.RequireActor(), assessment.Version));
    }

    private static ProblemDetails RoundRules(RateFactor command, RatingTarget target, Actor actor, long version)
    {
        var session = target.Session?.Aggregate;
        var round = target.Round(command.RoundId);
        FactorKeys.TryParse(command.Factor, out var factor);
        if (session is null || round is null)
        {
            return Refusals.NotFound($"The assessment has no round '{command.RoundId}'.");
        }

        if (actor.IsReviewer && (!session.IsInvited(actor.Id) || command.OnBehalfOf is not null))
        {
            return Refusals.Forbidden("Reviewers rate as themselves, in the sessions they are invited to.");
        }

        var errors = new RequestErrors()
            .When(round.AreaId != command.AreaId, "areaId", "The round is about another area.")
            .When(!round.Factors.Contains(factor), "factor", "The round does not ask about this factor.");
        if (command.OnBehalfOf is { } reviewerId)
        {
            var reviewer = session.FindParticipant(reviewerId);
            errors.When(reviewer is not { Invited: true, Role: Role.Reviewer }, "onBehalfOf", "'onBehalfOf' must be a reviewer invited to the session.");
        }

        return errors.ToProblem().OrElse(() => session.Closed || round.Status != RoundStatus.Voting
            ? Refusals.Conflict("The round is not open for votes.", version)
            : WolverineContinue.NoProblems);
    }

    [WolverinePost("/api/assessments/{id}/ratings"), Authorize(Roles = "reviewer,facilitator")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(
        Guid id, RateFactor command, RatingTarget? target, ClaimsPrincipal user, BoardRatingQueue board, HttpContext context,
        IDocumentSession session, RatingMetrics ratings)
    {
        var actor = user.RequireActor();
        if (target is null)
        {
            return await board.RateAsync(id, command, actor, ActorStamping.CorrelationOf(context), context.Features.Get<IdempotencyClaim>());
        }

        var round = target.Round(command.RoundId);
        var rater = command.OnBehalfOf is { } reviewerId ? target.Session!.Aggregate!.FindParticipant(reviewerId) : null;
        var (inRound, onBoard) = Decide(command, actor, round, rater);

        if (inRound is not null)
        {
            target.Session!.AppendOne(inRound);
        }

        ratings.AcceptedOnCommit(session, inRound is null ? RatingMetrics.OnBoard : RatingMetrics.InRound);

        if (onBoard is not null)
        {
            target.Assessment.AppendOne(onBoard);
        }

        return Results.Ok(new WriteAccepted(target.Assessment.Aggregate!.Version + (onBoard is null ? 0 : 1)));
    }

    /// <summary>Pure: what a validated rating stands for, in the round (if any) and on the board (unless hidden).</summary>
    public static (RoundRatingSubmitted? InRound, IAssessmentEvent? OnBoard) Decide(RateFactor command, Actor actor, Round? round, SessionParticipant? onBehalfOf)
    {
        FactorKeys.TryParse(command.Factor, out var factor);
        var rationale = Blank.ToNull(command.Rationale);
        var score = command.Score!.Value;
        if (actor.IsFacilitator && onBehalfOf is null)
        {
            return (null, new JointRatingRecorded(command.AreaId!.Value, factor, score, rationale));
        }

        var (reviewerId, org, enteredBy) = onBehalfOf is null ? (actor.Id, actor.Org, (Guid?)null) : (onBehalfOf.Id, onBehalfOf.Org, actor.Id);
        if (round is null)
        {
            return (null, new FactorRated(command.AreaId!.Value, factor, score, rationale, reviewerId, org));
        }

        var submitted = new RoundRatingSubmitted(round.Id, factor, score, rationale, reviewerId, org, enteredBy);
        var onBoard = round.Blind ? null : new FactorRated(round.AreaId, factor, score, rationale, reviewerId, org, round.Id, enteredBy);
        return (submitted, onBoard);
    }
}
