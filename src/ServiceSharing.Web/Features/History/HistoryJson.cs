using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceSharing.Web.Features.History;

/// <summary>The API's JSON conventions (web defaults, enums by name, as ServiceSharingApp configures HTTP JSON): the
/// history read model keeps entries in them, so a stored entry is answered byte for byte as a folded one.</summary>
public static class HistoryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Render(HistoryEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <summary>An entry as stored; its before and after values come back as the JSON they were rendered as.</summary>
    public static HistoryEntry Read(string stored) => JsonSerializer.Deserialize<HistoryEntry>(stored, Options)!;
}
