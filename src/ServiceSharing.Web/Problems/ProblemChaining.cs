using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace ServiceSharing.Web.Problems;

public static class ProblemChaining
{
    /// <summary>Runs the next check only when this one found no problem: the first refusal wins.</summary>
    public static ProblemDetails OrElse(this ProblemDetails first, Func<ProblemDetails> next) =>
        first == WolverineContinue.NoProblems ? next() : first;
}
