using System.Security.Cryptography;
using System.Text;

namespace CareFlow.Workflows.Runtime;

/// <summary>Computes the stable hash that finds bookmarks for a stimulus (name plus stimulus text).</summary>
public static class BookmarkHash
{
    /// <summary>The hash of a bookmark name and its stimulus, e.g. <c>("Elsa.Event", "provider-answered")</c>.</summary>
    public static string Compute(string bookmarkName, string stimulus)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(bookmarkName + "\n" + stimulus));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }

    /// <summary>The hash of an <c>Elsa.Event</c> bookmark for an event name.</summary>
    public static string ForEvent(string eventName) => Compute("Elsa.Event", eventName);
}
