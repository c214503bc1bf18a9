using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CareFlow.IntegrationTests.Processes;

/// <summary>What a client learned about one request, in Jepsen's terms.</summary>
public enum OpType
{
    /// <summary>The request is about to be sent.</summary>
    Invoke,

    /// <summary>Acknowledged (2xx): it happened.</summary>
    Ok,

    /// <summary>Definitely not done: refused before sending (no process listening) or a 4xx refusal.</summary>
    Fail,

    /// <summary>May or may not have happened: timeout, reset mid-request, 5xx.</summary>
    Unknown,

    /// <summary>A fault the test injected (kill, restart), logged for the timeline.</summary>
    Nemesis,
}

/// <summary>One line of the history.</summary>
public sealed record Op(long Index, TimeSpan At, string Process, string Function, string Key, OpType Type, string? Detail);

/// <summary>A Jepsen-style history: every request as invoke followed by ok, fail or unknown, plus the injected faults.</summary>
public sealed class History
{
    private readonly ConcurrentQueue<Op> _ops = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _index;

    public IReadOnlyList<Op> Ops => [.. _ops.OrderBy(o => o.Index)];

    public int Count(string function, OpType type) => _ops.Count(o => o.Function == function && o.Type == type);

    public void Nemesis(string process, string what) => Add(process, "nemesis", "-", OpType.Nemesis, what);

    /// <summary>Sends one request and logs invoke and its completion; the response is disposed.</summary>
    public async Task<(OpType Type, string? Detail)> InvokeAsync(string process, string function, string key, Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, string?>? detail = null)
    {
        Add(process, function, key, OpType.Invoke, null);
        var (type, text) = await CompleteAsync(send, detail);
        Add(process, function, key, type, text);
        return (type, text);
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var op in Ops)
        {
            text.Append(CultureInfo.InvariantCulture, $"{op.Index,6} {op.At.TotalSeconds,9:0.000} {op.Process,-8} {op.Type.ToString().ToLowerInvariant(),-8} {op.Function,-8} {op.Key,-12} {op.Detail}").Append('\n');
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }

    private static async Task<(OpType, string?)> CompleteAsync(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, string?>? detail)
    {
        try
        {
            using var response = await send();
            var code = (int)response.StatusCode;
            var type = code switch
            {
                >= 200 and < 300 => OpType.Ok,
                >= 400 and < 500 => OpType.Fail,
                _ => OpType.Unknown,
            };
            return (type, type == OpType.Ok ? detail?.Invoke(response) : code.ToString(CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return (OpType.Fail, "connection refused");
        }
        catch (HttpRequestException ex)
        {
            return (OpType.Unknown, ex.HttpRequestError.ToString());
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            return (OpType.Unknown, "timeout");
        }
    }

    private void Add(string process, string function, string key, OpType type, string? detail) =>
        _ops.Enqueue(new Op(Interlocked.Increment(ref _index), _clock.Elapsed, process, function, key, type, detail));
}
