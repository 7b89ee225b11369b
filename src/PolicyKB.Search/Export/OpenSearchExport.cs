using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PolicyKB.Model;
using PolicyKB.Search.Facets;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Status;

namespace PolicyKB.Search.Export;

/// <summary>
/// One document as an OpenSearch/Elasticsearch source. Facet fields carry the values PolicyKB counts
/// (<see cref="FacetFields.ValuesOf"/>), so a cluster's aggregations count what the facets here count.
/// </summary>
public sealed record OpenSearchSource
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    /// <summary>The body, then each attachment's name and text: what PolicyKB searches besides the title.</summary>
    [JsonPropertyName("body")] public string? Body { get; init; }
    [JsonPropertyName("issuers")] public IReadOnlyList<string>? Issuers { get; init; }
    [JsonPropertyName("document_number")] public string? DocumentNumber { get; init; }
    [JsonPropertyName("document_type")] public string? DocumentType { get; init; }
    [JsonPropertyName("topics")] public IReadOnlyList<string>? Topics { get; init; }
    [JsonPropertyName("themes")] public IReadOnlyList<string>? Themes { get; init; }
    [JsonPropertyName("sites")] public IReadOnlyList<string>? Sites { get; init; }
    [JsonPropertyName("written_date")] public DateOnly? WrittenDate { get; init; }
    [JsonPropertyName("published_date")] public DateOnly? PublishedDate { get; init; }
    [JsonPropertyName("index_number")] public string? IndexNumber { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("status_since")] public DateOnly? StatusSince { get; init; }
    [JsonPropertyName("parent_id")] public string? ParentId { get; init; }
    [JsonPropertyName("methodologies")] public IReadOnlyList<string>? Methodologies { get; init; }
    [JsonPropertyName("keywords")] public IReadOnlyList<string>? Keywords { get; init; }
    [JsonPropertyName("sources")] public IReadOnlyList<OpenSearchSourcePlace>? Sources { get; init; }
    [JsonPropertyName("attachments")] public IReadOnlyList<OpenSearchAttachment>? Attachments { get; init; }
    [JsonPropertyName("content_hash")] public string? ContentHash { get; init; }

    public static OpenSearchSource From(PolicyDocument d, DocumentStatus? status)
    {
        var facets = FacetFields.ValuesOf(d);
        return new OpenSearchSource
        {
            Id = d.Id,
            Title = d.Title,
            Body = NullIfBlank(DocumentMapper.SearchableText(d)),
            Issuers = NullIfEmpty(facets[FacetNames.Issuer]),
            DocumentNumber = d.DocumentNumber?.Normalized,
            DocumentType = facets[FacetNames.Type] is [var type, ..] ? type : null,
            Topics = NullIfEmpty(facets[FacetNames.Topic]),
            Themes = NullIfEmpty(facets[FacetNames.Theme]),
            Sites = NullIfEmpty(facets[FacetNames.Site]),
            WrittenDate = d.WrittenDate,
            PublishedDate = d.PublishedDate,
            IndexNumber = NullIfBlank(d.IndexNumber),
            Url = d.Url,
            Status = status?.State ?? StatusStates.Unknown,
            StatusSince = status?.Since,
            ParentId = d.ParentId,
            Methodologies = NullIfEmpty(d.Methodologies.Select(m => DocumentMapper.MethodologyKey(m.Code)).Distinct().ToList()),
            Keywords = NullIfEmpty(d.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).ToList()),
            Sources = NullIfEmpty(d.Sources.Select(s => new OpenSearchSourcePlace(s.Url, s.Site.ToCode(), NullIfBlank(s.Title), s.PublishedDate)).ToList()),
            Attachments = NullIfEmpty(d.Attachments.Select(a => new OpenSearchAttachment(a.Name, a.Url, a.Kind)).ToList()),
            ContentHash = NullIfBlank(d.ContentHash),
        };
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T> list) => list.Count == 0 ? null : list;
}

/// <summary>One place a document was published.</summary>
public sealed record OpenSearchSourcePlace(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("site")] string Site,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("published_date")] DateOnly? PublishedDate);

/// <summary>An attachment's name, address and kind (its text is in the body).</summary>
public sealed record OpenSearchAttachment(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("kind")] string Kind);

/// <summary>What an export wrote.</summary>
public sealed record OpenSearchExportSummary(int Documents, IReadOnlyList<string> BulkFiles, string TemplateFile, long Bytes);

/// <summary>
/// The knowledge base as OpenSearch/Elasticsearch bulk files (an action line and a source line per document, the
/// files cut at about <see cref="DefaultFileBytes"/> and never inside a document) plus the composable index template
/// their index needs: SmartCn words for title and body with a 1–2-gram sub-field for PolicyKB's substring matching,
/// keyword fields for the facets, the 文号, status and sources, date fields for 成文日期 and 发布日期.
/// </summary>
public static class OpenSearchExport
{
    public const long DefaultFileBytes = 10L << 20;
    public const string DefaultIndexName = "policykb";
    public const string TemplateFileName = "index-template.json";
    public const string BulkFilePrefix = "bulk-";
    /// <summary>The sub-field of every text field that matches substrings (query it with match_phrase).</summary>
    public const string SubstringField = "ngram";

    private static readonly JsonSerializerOptions SourceJson = new(PolicyJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Writes every document of <paramref name="index"/> (a read-only index works beside a running writer) into <paramref name="directory"/>.</summary>
    public static OpenSearchExportSummary Write(PolicyIndex index, string directory, string indexName = DefaultIndexName, long maxFileBytes = DefaultFileBytes)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFileBytes, 1);
        Directory.CreateDirectory(directory);
        var template = Path.Combine(directory, TemplateFileName);
        File.WriteAllText(template, Template(indexName).ToJsonString(new JsonSerializerOptions(PolicyJson.Indented)) + "\n");

        var files = new List<string>();
        var (documents, total) = (0, 0L);
        FileStream? current = null;
        try
        {
            foreach (var document in index.All())
            {
                var action = JsonSerializer.SerializeToUtf8Bytes(new { index = new { _index = indexName, _id = document.Id } }, SourceJson);
                var source = JsonSerializer.SerializeToUtf8Bytes(OpenSearchSource.From(document, index.Status(document.Id)), SourceJson);
                var length = action.Length + source.Length + 2;
                if (current is null || (current.Length > 0 && current.Length + length > maxFileBytes))
                {
                    current?.Dispose();
                    var path = Path.Combine(directory, $"{BulkFilePrefix}{files.Count + 1:D5}.ndjson");
                    current = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
                    files.Add(path);
                }
                current.Write(action);
                current.WriteByte((byte)'\n');
                current.Write(source);
                current.WriteByte((byte)'\n');
                documents++;
                total += length;
            }
        }
        finally { current?.Dispose(); }
        return new OpenSearchExportSummary(documents, files, template, total);
    }

    /// <summary>The composable index template (PUT _index_template/NAME) for indexes named <paramref name="indexName"/>*.</summary>
    public static JsonObject Template(string indexName = DefaultIndexName) => new()
    {
        ["index_patterns"] = new JsonArray(indexName + "*"),
        ["template"] = new JsonObject
        {
            ["settings"] = new JsonObject
            {
                ["analysis"] = new JsonObject
                {
                    // One gram and two: a query's characters as a phrase of these match exactly where it is a substring,
                    // one character too (PolicyKB's recall field), after the same width and case folding.
                    ["tokenizer"] = new JsonObject
                    {
                        ["policykb_grams"] = new JsonObject { ["type"] = "ngram", ["min_gram"] = 1, ["max_gram"] = 2, ["token_chars"] = new JsonArray("letter", "digit") },
                    },
                    ["analyzer"] = new JsonObject
                    {
                        ["policykb_substring"] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "policykb_grams", ["filter"] = new JsonArray("cjk_width", "lowercase") },
                    },
                },
            },
            ["mappings"] = new JsonObject
            {
                ["_meta"] = new JsonObject { ["written_by"] = "policykb export --format opensearch", ["needs"] = "the analysis-smartcn plugin (analyzer smartcn)" },
                // A field the template does not name is refused, not guessed: the bulk files and the template stay one shape.
                ["dynamic"] = "strict",
                ["properties"] = Properties(),
            },
        },
    };

    private static JsonObject Properties() => new()
    {
        ["id"] = Keyword(),
        ["title"] = Text(),
        ["body"] = Text(),
        ["issuers"] = Keyword(),
        ["document_number"] = Keyword(),
        ["document_type"] = Keyword(),
        ["topics"] = Keyword(),
        ["themes"] = Keyword(),
        ["sites"] = Keyword(),
        ["written_date"] = Date(),
        ["published_date"] = Date(),
        ["index_number"] = Keyword(),
        ["url"] = Keyword(),
        ["status"] = Keyword(),
        ["status_since"] = Date(),
        ["parent_id"] = Keyword(),
        ["methodologies"] = Keyword(),
        ["keywords"] = Keyword(),
        ["sources"] = new JsonObject
        {
            ["properties"] = new JsonObject { ["url"] = Keyword(), ["site"] = Keyword(), ["title"] = Text(), ["published_date"] = Date() },
        },
        ["attachments"] = new JsonObject
        {
            ["properties"] = new JsonObject { ["name"] = Text(), ["url"] = Keyword(), ["kind"] = Keyword() },
        },
        ["content_hash"] = Keyword(),
    };

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };

    private static JsonObject Date() => new() { ["type"] = "date", ["format"] = "yyyy-MM-dd" };

    private static JsonObject Text() => new()
    {
        ["type"] = "text",
        ["analyzer"] = "smartcn",
        ["fields"] = new JsonObject { [SubstringField] = new JsonObject { ["type"] = "text", ["analyzer"] = "policykb_substring" } },
    };
}
