using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using CareFlow.Core.Audit;
using CareFlow.Infrastructure.DataProtection;
using CareFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>
/// Every row of every CareFlow table (care data, workflow instances, bookmarks, outbox, ...), row count and a digest of
/// the contents per table, read through plain SQL on either provider. Left out: the append-only audit log (a refused
/// request is audited on purpose), the Identity tables (sign-in bookkeeping) and the data-protection key ring.
/// </summary>
internal sealed record StoreSnapshot(IReadOnlyDictionary<string, (long Rows, string Digest)> Tables)
{
    private static readonly Type[] NotCompared = [typeof(AuditEntry), typeof(DataProtectionKey)];

    public static async Task<StoreSnapshot> TakeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        var sqlite = db.Database.IsSqlite();
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !e.IsOwned() && !NotCompared.Contains(e.ClrType)
                && e.ClrType.Namespace != typeof(IdentityUser).Namespace)
            .Select(e => (Schema: e.GetSchema(), Table: e.GetTableName()!))
            .Distinct().OrderBy(t => t.Table, StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var result = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var (schema, table) in tables)
        {
            var name = sqlite || schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {name}";
            result[table] = await DigestAsync(command, cancellationToken);
        }
        return new StoreSnapshot(result);
    }

    /// <summary>The tables whose rows differ, each with its row counts before and after.</summary>
    public IReadOnlyList<string> ChangesSince(StoreSnapshot before) =>
        Tables.Where(t => !before.Tables.TryGetValue(t.Key, out var old) || old != t.Value)
            .Select(t => $"{t.Key}: {(before.Tables.TryGetValue(t.Key, out var old) ? old.Rows : 0)} -> {t.Value.Rows} rows")
            .ToList();

    private static async Task<(long, string)> DigestAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
                row.Append(reader.IsDBNull(i) ? "\u2400" : reader.GetValue(i) switch
                {
                    byte[] bytes => Convert.ToBase64String(bytes),
                    var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                }).Append('\u241F');
            rows.Add(row.ToString());
        }
        rows.Sort(StringComparer.Ordinal);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u241E', rows)));
        return (rows.Count, Convert.ToHexString(digest));
    }
}
