using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Persistence;

/// <summary>
/// How an area's ratings are stored in the board and its checkpoints: each reviewer once per area, and each factor's
/// scores as positions in that list, instead of the reviewer's id and org in every one of the area's four cells.
/// A board is rewritten on every commit, and with 30 reviewers the one-object-per-score form was 105 KB, whose
/// load, (de)serialization and upsert were most of a rating's time. Read back exactly: the same scores, in the same
/// order. The earlier form (an object per factor) is still read, so boards stored before this need no migration.
/// <code>
/// [ [[reviewerId, org], ...], { "Similarity": { "Joint": 3, "Scores": [[reviewerPosition, score], ...] }, ... } ]
/// </code>
/// </summary>
public sealed class StoredAreaRatings : JsonConverter<Dictionary<Factor, FactorRatings>>
{
    private const string Joint = "Joint";
    private const string Scores = "Scores";

    public override void Write(Utf8JsonWriter writer, Dictionary<Factor, FactorRatings> ratings, JsonSerializerOptions options)
    {
        var positions = new Dictionary<(Guid, Org), int>();
        writer.WriteStartArray();
        writer.WriteStartArray();
        foreach (var score in ratings.Values.SelectMany(cell => cell.Reviewers))
        {
            if (positions.TryAdd((score.ReviewerId, score.Org), positions.Count))
            {
                writer.WriteStartArray();
                writer.WriteStringValue(score.ReviewerId);
                JsonSerializer.Serialize(writer, score.Org, options);
                writer.WriteEndArray();
            }
        }

        writer.WriteEndArray();
        writer.WriteStartObject();
        foreach (var (factor, cell) in ratings)
        {
            writer.WriteStartObject(factor.ToString());
            if (cell.Joint is { } joint)
            {
                writer.WriteNumber(Joint, joint);
            }

            writer.WriteStartArray(Scores);
            foreach (var score in cell.Reviewers)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(positions[(score.ReviewerId, score.Org)]);
                writer.WriteNumberValue(score.Score);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    public override Dictionary<Factor, FactorRatings> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.StartArray => ReadCompact(ref reader, options),
            JsonTokenType.StartObject => ReadObjectPerFactor(ref reader, options),
            _ => throw new JsonException($"An area's ratings are an array or an object, not {reader.TokenType}.")
        };

    private static Dictionary<Factor, FactorRatings> ReadCompact(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var reviewers = new List<(Guid Id, Org Org)>();
        Next(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            Next(ref reader, JsonTokenType.String);
            var id = reader.GetGuid();
            Next(ref reader);
            var org = JsonSerializer.Deserialize<Org>(ref reader, options);
            Next(ref reader, JsonTokenType.EndArray);
            reviewers.Add((id, org));
        }

        var ratings = new Dictionary<Factor, FactorRatings>();
        Next(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var factor = FactorNamed(reader.GetString());
            Next(ref reader, JsonTokenType.StartObject);
            var cell = new FactorRatings();
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                Next(ref reader);
                switch (property)
                {
                    case Joint:
                        cell.Joint = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
                        break;
                    case Scores:
                        while (Next(ref reader) == JsonTokenType.StartArray)
                        {
                            Next(ref reader, JsonTokenType.Number);
                            var (id, org) = reviewers[reader.GetInt32()];
                            Next(ref reader, JsonTokenType.Number);
                            cell.Reviewers.Add(new ReviewerScore(id, org, reader.GetInt32()));
                            Next(ref reader, JsonTokenType.EndArray);
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            ratings[factor] = cell;
        }

        Next(ref reader, JsonTokenType.EndArray);
        return ratings;
    }

    /// <summary>The form boards were stored in before: { "Similarity": { "Reviewers": [{ReviewerId, Org, Score}], "Joint": 3 } }.</summary>
    private static Dictionary<Factor, FactorRatings> ReadObjectPerFactor(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var ratings = new Dictionary<Factor, FactorRatings>();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var factor = FactorNamed(reader.GetString());
            Next(ref reader);
            ratings[factor] = JsonSerializer.Deserialize<FactorRatings>(ref reader, options) ?? new FactorRatings();
        }

        return ratings;
    }

    private static Factor FactorNamed(string? name) =>
        FactorKeys.TryParse(name, out var factor) ? factor : throw new JsonException($"'{name}' is not a factor.");

    private static JsonTokenType Next(ref Utf8JsonReader reader, JsonTokenType? expected = null)
    {
        if (!reader.Read())
        {
            throw new JsonException("An area's ratings end too early.");
        }

        if (expected is { } token && reader.TokenType != token)
        {
            throw new JsonException($"An area's ratings have {reader.TokenType} where {token} belongs.");
        }

        return reader.TokenType;
    }
}
