using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Decisions;

/// <summary>
/// Every area's suggested verdict and what would flip it under a model being tried out, as the facilitator changes the
/// numbers. It writes nothing: the model counts only once it is saved (POST /decision-model).
/// </summary>
public static class PreviewDecisionModelEndpoint
{
    public static ProblemDetails Validate(SetDecisionModel? command) => SetDecisionModelEndpoint.Validate(command);

    [WolverinePost("/api/assessments/{id}/decision-model/preview"), Authorize(Roles = "facilitator")]
    [ProducesResponseType<SensitivityView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, SetDecisionModel command, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Assessment>(id, cancellation) is not { } assessment)
        {
            return Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
        }

        var tried = SetDecisionModelEndpoint.Decide(command);
        return Results.Ok(SensitivityView.From(assessment, new Domain.Decisions.DecisionModel(tried.Weights, tried.YesAtLeast, tried.MaybeAtLeast)));
    }
}
