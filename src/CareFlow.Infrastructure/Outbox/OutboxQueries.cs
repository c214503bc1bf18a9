using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>Read side of the outbox for the admin page: the newest rows, and one row's raw MIME message.</summary>
public sealed class OutboxQueries(CareFlowDbContext db, Email.MimeMessageFactory mime)
{
    public Task<List<OutboxMessage>> LatestAsync(int take, CancellationToken cancellationToken = default) =>
        db.Set<OutboxMessage>().AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);

    /// <summary>The exact bytes that SMTP DATA carries (and the .eml file holds), CRLF line ends; null when unknown.</summary>
    public async Task<byte[]?> RawAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (row is null) return null;
        using var stream = new MemoryStream();
        await mime.Create(OutboxDispatcher.ToEmail(row)).WriteToAsync(new MimeKit.FormatOptions { NewLineFormat = MimeKit.NewLineFormat.Dos }, stream, cancellationToken);
        return stream.ToArray();
    }
}
