using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ServiceSharing.Web.Features.Invites;

namespace ServiceSharing.Web.OpenApi;

/// <summary>
/// The document as a whole: what the API is, the two ways to call it (a participant's bearer token, or the admin
/// key for scripts) so /docs can send either, and a description of each feature tag.
/// </summary>
public sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public const string Bearer = "bearer";
    public const string AdminKey = "adminKey";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ServiceSharing joint assessment studio",
            Version = "1",
            Description = "City and county reviewers rate functional areas together; facilitators record verdicts. " +
                          "Every change is an event. Errors are RFC 9457 problem details whose `type` is " +
                          $"`{Problems.ProblemTypes.Base}<kind>` (docs/reliability.md).",
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" }
        };
        // Relative to wherever the document is served from, so /docs calls the host it was loaded from.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This host" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A participant's token, from an invite (`POST /api/invites`) or its join link."
            },
            [AdminKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = InviteParticipantEndpoint.AdminKeyHeader,
                Description = "The configured admin key; it only creates invites, so scripts can invite the first facilitator."
            }
        };

        // Every refusal points at this schema (OperationConventions), also where no endpoint returns one itself.
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(nameof(ProblemDetails)))
        {
            document.Components.Schemas[nameof(ProblemDetails)] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        }

        document.Tags = new HashSet<OpenApiTag>(
            FeatureTags.Descriptions.Select(p => new OpenApiTag { Name = p.Key, Description = p.Value }));
    }
}
