namespace CareFlow.Workflows.Runtime;

/// <summary>Everything one execution burst changed; the caller commits it in one transaction.</summary>
/// <param name="State">The instance state after the burst.</param>
/// <param name="Journal">The journal records the burst wrote.</param>
/// <param name="AddedBookmarks">Bookmarks created (and still open) by the burst.</param>
/// <param name="RemovedBookmarks">Bookmarks that existed before the burst and are gone after it (resumed or cancelled).</param>
/// <param name="Events">Events published by the burst, to deliver after commit.</param>
public sealed record BurstResult(
    WorkflowState State,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<Bookmark> AddedBookmarks,
    IReadOnlyList<Bookmark> RemovedBookmarks,
    IReadOnlyList<PublishedEvent> Events);
