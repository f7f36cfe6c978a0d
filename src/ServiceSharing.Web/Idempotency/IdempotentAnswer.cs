using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Wolverine.Http;

namespace ServiceSharing.Web.Idempotency;

/// <summary>The first answer to a write, as it is replayed: status, JSON body and, for a creation, its Location.</summary>
public sealed record IdempotentAnswer(int Status, string? Body, string? Location)
{
    /// <summary>What the endpoint returned, as Wolverine writes it: a resource is 200 (a creation 201 with Location),
    /// an IResult carries its own status and value.</summary>
    public static IdempotentAnswer Of(object? response, JsonSerializerOptions json) => response switch
    {
        null => new(StatusCodes.Status204NoContent, null, null),
        CreationResponse created => new(StatusCodes.Status201Created, Serialize(created, json), created.Url),
        IResult result => new(
            (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK,
            result is IValueHttpResult { Value: { } value } ? Serialize(value, json) : null,
            null),
        _ => new(StatusCodes.Status200OK, Serialize(response, json), null)
    };

    private static string Serialize(object value, JsonSerializerOptions json) => JsonSerializer.Serialize(value, value.GetType(), json);
}
