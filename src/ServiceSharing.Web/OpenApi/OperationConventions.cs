using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace ServiceSharing.Web.OpenApi;

/// <summary>
/// Every operation gets its feature's tag, an operationId named after its endpoint class ("CloseSession"), a
/// summary, the security it really needs, and its refusals described as problem details.
/// </summary>
public sealed class OperationConventions : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<HttpChain>().FirstOrDefault() is not { } chain)
        {
            return Task.CompletedTask;
        }

        var endpointClass = chain.Method.HandlerType;
        var name = endpointClass.Name.EndsWith("Endpoint", StringComparison.Ordinal) ? endpointClass.Name[..^"Endpoint".Length] : endpointClass.Name;
        operation.OperationId = chain.HasExplicitOperationId ? chain.OperationId : name;
        operation.Summary = Words(operation.OperationId);
        operation.Tags = new HashSet<OpenApiTagReference> { new(FeatureTags.Of(endpointClass), context.Document) };

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Roles).Where(r => !string.IsNullOrEmpty(r)).ToList();
        operation.Security = anonymous
            ? [Requirement(ApiDocument.Bearer, context), Requirement(ApiDocument.AdminKey, context)]
            : [Requirement(ApiDocument.Bearer, context)];
        operation.Description = roles.Count > 0 ? $"Roles: {string.Join(", ", roles)}." : anonymous ? "A facilitator's token or the admin key." : "Any participant.";

        DescribeRefusals(operation, context, chain, anonymous, roles.Count > 0);
        return Task.CompletedTask;
    }

    private static void DescribeRefusals(OpenApiOperation operation, OpenApiOperationTransformerContext context, HttpChain chain, bool anonymous, bool roleBound)
    {
        operation.Responses ??= new OpenApiResponses();
        var refusals = new Dictionary<int, string>
        {
            [StatusCodes.Status400BadRequest] = "The request is not valid; `errors` names each field.",
            [StatusCodes.Status401Unauthorized] = anonymous ? "Neither a facilitator's token nor the admin key was sent." : "No valid token was sent."
        };
        refusals[StatusCodes.Status403Forbidden] = roleBound || anonymous
            ? "The caller's role may not do this."
            : "The caller may not see this (reviewers see the sessions they are invited to).";

        if (chain.RoutePattern?.Parameters.Count > 0 || chain.HttpMethods.Contains("POST"))
        {
            refusals[StatusCodes.Status404NotFound] = "Something the request names does not exist.";
        }

        if (chain.HttpMethods.Contains("POST"))
        {
            refusals[StatusCodes.Status409Conflict] = "The state has changed (`currentVersion` says where it is now) or does not allow this.";
        }

        foreach (var (status, description) in refusals)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJson] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) }
                }
            };
        }
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiOperationTransformerContext context) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] };

    /// <summary>"CloseSession" reads "Close session".</summary>
    public static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
