namespace PolicyKB.Search.Indexing;

/// <summary>Field names of the index and its schema version (kept in the commit user data).</summary>
internal static class Schema
{
    /// <summary>Bump when fields or analysis change: an index of another version must be re-imported.</summary>
    public const string Version = "8";
    public const string VersionKey = "policykb.schema";
    public const string CommittedAtKey = "policykb.committed";

    public const string Id = "id";
    /// <summary>Ids of reposts merged into this document (Get(id) finds them).</summary>
    public const string Alias = "alias";
    public const string Json = "json";
    /// <summary>Binary doc values: the <see cref="HitCard"/> a result list shows.</summary>
    public const string HitCard = "hit_card";
    /// <summary>Binary doc values: the text snippets are cut from, its fold and sentence ends (<see cref="Highlighting.SnippetText"/>), read without the stored JSON.</summary>
    public const string SnippetText = "snippet_text";

    // Recall fields (bigram analysis): these alone decide membership.
    public const string Title = "title";
    public const string Body = "body";
    public const string IssuerText = "issuer_t";
    public const string DocNoText = "docno_t";
    public const string TypeText = "type_t";
    public const string TopicText = "topic_t";
    public const string ThemeText = "theme_t";

    // Word fields (SmartCn HMM words + user dictionary): re-ranking and similarity; membership never depends on them,
    // though a word of the same folded text proves a substring without reading positions (SubstringQuery.Word).
    public const string TitleWords = "title_w";
    public const string BodyWords = "body_w";

    /// <summary>The word field segmented from a recall field's text (the body's: from its start), or null.</summary>
    public static string? WordsOf(string recallField) => recallField switch { Title => TitleWords, Body => BodyWords, _ => null };

    public const string Methodology = "methodology";
    public const string Published = "published";
    public const string Written = "written";
    /// <summary>Day number of the published (else written) date, for sorting and the recency boost.</summary>
    public const string DateValue = "date_dv";

    // Keys for reposts and citations.
    public const string TitleKey = "title_key";
    public const string DocNoKey = "docno_key";
    public const string RepostKey = "repost_key";
    public const string BodyKey = "body_key";
    public const string CitesTitle = "cites_title";
    public const string CitesDocNo = "cites_docno";
    /// <summary>File names (lower case) of a notice's attachments, so an attachment file finds its notice.</summary>
    public const string AttachmentFile = "attachment_file";

    /// <summary>The notice an attachment document belongs to (<see cref="Model.PolicyDocument.ParentId"/>), so a notice finds its attachments.</summary>
    public const string Parent = "parent";

    public static readonly IReadOnlyList<string> WordFields = [TitleWords, BodyWords];

    /// <summary>Where a document is found by an id, in this order: its own id, then the ids of reposts it merged.</summary>
    public static readonly IReadOnlyList<string> IdentityFields = [Id, Alias];
}
