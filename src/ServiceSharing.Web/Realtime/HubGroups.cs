namespace ServiceSharing.Web.Realtime;

/// <summary>SignalR groups: everyone watching an assessment's board, everyone in a review session.</summary>
public static class HubGroups
{
    public static string Assessment(Guid assessmentId) => $"assessment:{assessmentId}";

    public static string Session(Guid sessionId) => $"session:{sessionId}";
}
