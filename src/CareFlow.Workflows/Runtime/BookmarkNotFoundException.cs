namespace CareFlow.Workflows.Runtime;

/// <summary>The bookmark to resume is not open on the instance (already resumed, cancelled, or never existed).</summary>
public sealed class BookmarkNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BookmarkNotFoundException() { }

    /// <summary>Creates the exception.</summary>
    public BookmarkNotFoundException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public BookmarkNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
