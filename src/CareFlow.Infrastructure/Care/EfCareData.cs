using CareFlow.Core.Care;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Care;

/// <summary>The care unit of work over the scoped <see cref="CareFlowDbContext"/>, shared with the engine's burst.</summary>
public sealed class EfCareData(CareFlowDbContext db) : ICareData
{
    public IQueryable<T> Query<T>() where T : class => db.Set<T>();

    public IEnumerable<T> Local<T>() where T : class => db.Set<T>().Local;

    public void Add<T>(T entity) where T : class => db.Set<T>().Add(entity);

    public void Remove<T>(T entity) where T : class => db.Set<T>().Remove(entity);

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        EntityFrameworkQueryableExtensions.ToListAsync(query, cancellationToken);

    public Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(query, cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        EntityFrameworkQueryableExtensions.CountAsync(query, cancellationToken);

    public async Task SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new CareConcurrencyException("A row changed since it was read; nothing was saved.", ex);
        }
    }

    public void DiscardChanges() => db.ChangeTracker.Clear();
}
