using Weasel.Postgresql;
using static Weasel.Postgresql.SchemaUtils;
using Weasel.Postgresql.Tables;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// Who is connected where, shared by every node: operational state beside the event store, not part of the record
/// (the record is ParticipantJoined / ParticipantLeft in the session's stream). Created and migrated by Marten with
/// the rest of the schema.
/// </summary>
public static class PresenceTables
{
    public const string Nodes = "hub_nodes";
    public const string Connections = "hub_presence";

    /// <summary>Each node's heartbeat, stamped with the database's clock so nodes' clocks never need to agree.</summary>
    public static Table NodeTable(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Nodes, IdentifierUsage.General));
        table.AddColumn<Guid>("node_id").AsPrimaryKey();
        table.AddColumn("seen_at", "timestamptz").NotNull();
        return table;
    }

    /// <summary>One row per hub connection and session it joined, with the node that holds the connection.</summary>
    public static Table ConnectionTable(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Connections, IdentifierUsage.General));
        table.AddColumn("connection_id", "varchar").AsPrimaryKey();
        table.AddColumn<Guid>("session_id").AsPrimaryKey();
        table.AddColumn<Guid>("participant_id").NotNull();
        table.AddColumn<Guid>("node_id").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{Connections}_participant") { Columns = ["session_id", "participant_id"] });
        table.Indexes.Add(new IndexDefinition($"ix_{Connections}_node") { Columns = ["node_id"] });
        return table;
    }
}
