namespace ServiceSharing.Web.OpenApi;

/// <summary>One OpenAPI tag per feature folder (Features/&lt;Activity&gt;), described for the reader of /docs.</summary>
public static class FeatureTags
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["Agreement"] = "How far city and county reviewers agree: alpha, kappa, medians and disagreement flags.",
        ["Assessments"] = "Create and list assessments and add functional areas.",
        ["Calibration"] = "Practice rounds on reference areas and each reviewer's offset and drift.",
        ["Deciding"] = "Verdicts, priorities and phases.",
        ["Decisions"] = "The decision model that suggests verdicts, and what would flip them.",
        ["Export"] = "The board as CSV or Excel, now or at a point in time.",
        ["History"] = "The audit trail: who changed what, when and why.",
        ["Invites"] = "Invite participants and read who the caller is.",
        ["Rating"] = "Rate a factor of an area.",
        ["Replay"] = "The board at a version, a moment or a snapshot, and the difference between two points.",
        ["Sessions"] = "Joint workshops: sessions, rounds, reveals, undo.",
        ["Snapshots"] = "Named points of the board."
    };

    /// <summary>The feature an endpoint's class lives in: the namespace segment after "Features".</summary>
    public static string Of(Type endpointClass) => endpointClass.Namespace?.Split('.') is { Length: > 0 } parts ? parts[^1] : "Api";
}
