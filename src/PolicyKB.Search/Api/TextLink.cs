namespace PolicyKB.Search;

/// <summary>
/// A stretch of a document's body that names another document of the index: the title inside 《》 or a 文号.
/// <see cref="Block"/> is the index of the body block, <see cref="Start"/> and <see cref="Length"/> count UTF-16
/// characters of its text (JavaScript's string offsets).
/// </summary>
public sealed record TextLink(int Block, int Start, int Length, string Text, string Id, string Title);
