namespace CareFlow.Core.Care;

/// <summary>
/// The care domain's unit of work over the scoped database context. Activities only add and modify entities: the
/// engine's burst commits them with the instance state, so a workflow step and its domain effects never diverge.
/// </summary>
public interface ICareData
{
    /// <summary>Tracked query over one entity type (changes to the results are saved with the unit of work).</summary>
    IQueryable<T> Query<T>() where T : class;

    /// <summary>Entities already in the unit of work, including ones added earlier in this burst and not yet saved.</summary>
    IEnumerable<T> Local<T>() where T : class;

    void Add<T>(T entity) where T : class;

    void Remove<T>(T entity) where T : class;

    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    /// <summary>Commits; for API use cases only, never inside an activity (the burst commits there).</summary>
    /// <exception cref="CareConcurrencyException">A guarded row changed since it was read (another request won); nothing was written.</exception>
    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets every unsaved change and every entity read so far (after a failed save, before reading again).</summary>
    void DiscardChanges();
}
