namespace CareFlow.IntegrationTests.Workflows;

/// <summary>Reads the engine's tables directly: the database is the record of what happened.</summary>
public static class JournalQueries
{
    /// <summary>One instance of a definition, with its journal's Resumed counts per activity.</summary>
    public sealed record InstanceRow(string Id, string? CorrelationId, string Status, string SubStatus, int OpenBookmarks, IReadOnlyDictionary<string, int> Resumed)
    {
        public int ResumedOf(string activityId) => Resumed.GetValueOrDefault(activityId);
    }

    public static async Task<IReadOnlyList<InstanceRow>> InstancesAsync(TestDatabase db, string definitionId, CancellationToken cancellationToken)
    {
        var resumed = await db.QueryAsync(
            """
            SELECT j.instance_id, j.activity_id, count(*)::int FROM workflows.journal j
            JOIN workflows.instances i ON i.id = j.instance_id
            WHERE i.definition_id = @d AND j.event_name = 'Resumed' GROUP BY j.instance_id, j.activity_id
            """,
            r => (Instance: r.GetString(0), Activity: r.GetString(1), Count: r.GetInt32(2)), cancellationToken, ("d", definitionId));
        var byInstance = resumed.GroupBy(r => r.Instance).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(r => r.Activity, r => r.Count));
        return await db.QueryAsync(
            """
            SELECT i.id, i.correlation_id, i.status, i.sub_status,
                   (SELECT count(*)::int FROM workflows.bookmarks b WHERE b.instance_id = i.id)
            FROM workflows.instances i WHERE i.definition_id = @d ORDER BY i.id
            """,
            r => new InstanceRow(
                r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
                byInstance.GetValueOrDefault(r.GetString(0)) ?? new Dictionary<string, int>()),
            cancellationToken,
            ("d", definitionId));
    }

    public static Task<long> UnfinishedCountAsync(TestDatabase db, string definitionId, CancellationToken cancellationToken) =>
        db.ScalarAsync("SELECT count(*) FROM workflows.instances WHERE definition_id = @d AND status <> 'Finished'", cancellationToken, ("d", definitionId));

    public static Task<long> FinishedCountAsync(TestDatabase db, string definitionId, CancellationToken cancellationToken) =>
        db.ScalarAsync("SELECT count(*) FROM workflows.instances WHERE definition_id = @d AND status = 'Finished'", cancellationToken, ("d", definitionId));

    /// <summary>Journal events of one instance in order: (sequence, activity id, activity type, event name, timestamp).</summary>
    public static Task<List<(long Sequence, string ActivityId, string ActivityType, string EventName, DateTimeOffset Timestamp)>> JournalAsync(TestDatabase db, string instanceId, CancellationToken cancellationToken) =>
        db.QueryAsync(
            "SELECT sequence, activity_id, activity_type, event_name, timestamp FROM workflows.journal WHERE instance_id = @i ORDER BY sequence",
            r => (r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)),
            cancellationToken,
            ("i", instanceId));

    public static Task<long> PendingEventCountAsync(TestDatabase db, CancellationToken cancellationToken) =>
        db.ScalarAsync("SELECT count(*) FROM workflows.pending_events", cancellationToken);
}
