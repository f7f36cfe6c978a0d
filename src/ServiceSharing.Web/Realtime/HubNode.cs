namespace ServiceSharing.Web.Realtime;

/// <summary>This process among the app's nodes: a new id at every start, so a restarted node never inherits the
/// connections of the one that died.</summary>
public sealed record HubNode(Guid Id)
{
    public static HubNode Start() => new(Guid.NewGuid());
}
