using CheckIn.Core;
using NodaTime;

namespace CheckIn.Tracing.Index;

/// <summary>How a <see cref="VisitStore"/> batches, merges and retires visits. Immutable.</summary>
public sealed record VisitStoreOptions
{
    /// <summary>The defaults: 1,048,576-visit append buffer, 21-day retention, at most 8 segments, all cores.</summary>
    public static VisitStoreOptions Default { get; } = new();

    /// <summary>The append buffer's size; reaching it builds a segment. Default 1,048,576.</summary>
    public int SegmentCapacity { get; init; } = 1 << 20;

    /// <summary>Segments whose every visit ended longer ago than this are dropped by <see cref="VisitStore.ApplyRetention"/>. Default 21 days.</summary>
    public Duration Retention { get; init; } = Duration.FromDays(21);

    /// <summary>When there are more segments than this, the two smallest neighbours are merged. Default 8.</summary>
    public int MaxSegments { get; init; } = 8;

    /// <summary>Threads used to build segments. Default: the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range (<c>VisitStoreOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(TracingErrorCodes.Messages)
        .Check(SegmentCapacity is >= 1 and <= 1 << 28, TracingErrorCodes.StoreOptions.SegmentCapacity, nameof(SegmentCapacity))
        .Check(Retention > Duration.Zero, TracingErrorCodes.StoreOptions.Retention, nameof(Retention))
        .Check(MaxSegments is >= 1 and <= 1024, TracingErrorCodes.StoreOptions.MaxSegments, nameof(MaxSegments))
        .Check(MaxDegreeOfParallelism is >= 1 and <= 512, TracingErrorCodes.StoreOptions.MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism))
        .ToList();
}
