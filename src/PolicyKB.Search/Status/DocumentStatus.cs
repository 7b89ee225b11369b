namespace PolicyKB.Search.Status;

/// <summary>
/// Whether a document is still in force, as the texts in the knowledge base say: <see cref="State"/> (one of
/// <see cref="StatusStates"/>), the day it took that state when a text gives it, the documents that made it so,
/// and the sentence that says it.
/// </summary>
public sealed record DocumentStatus(string State, DateOnly? Since, IReadOnlyList<StatusSource> By, string? Evidence)
{
    /// <summary>The last day of a 有效期 the document gives itself (有效期至…, 有效期N年), when it gives one.</summary>
    public DateOnly? Until { get; init; }

    public static DocumentStatus Unknown { get; } = new(StatusStates.Unknown, null, [], null);
}

/// <summary>A document that changed another one's status (the repealing or revising text, or a draft's final text).</summary>
public sealed record StatusSource(string Id, string Title, DateOnly? Date);

/// <summary>The states a document can be in; the words are the ones 北大法宝 and the gazettes use.</summary>
public static class StatusStates
{
    public const string InForce = "现行有效";
    public const string Repealed = "已废止";
    public const string Revised = "已修订";
    public const string Expired = "已失效";
    public const string Draft = "征求意见稿";
    public const string Unknown = "未知";

    public static readonly IReadOnlyList<string> All = [InForce, Repealed, Revised, Expired, Draft, Unknown];
}
