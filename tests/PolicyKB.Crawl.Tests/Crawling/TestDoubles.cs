using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PolicyKB.Model;

namespace PolicyKB.Crawl.Tests;

/// <summary>An in-memory index: the crawler's behaviour tests need what was written, not Lucene.</summary>
public sealed class MemorySink : IDocumentSink
{
    private readonly ConcurrentDictionary<string, PolicyDocument> _documents = new();
    public int Commits;
    /// <summary>Runs before each upsert (tests stop a crawl from here, between fetch and import).</summary>
    public Action<PolicyDocument>? BeforeUpsert { get; set; }

    public IReadOnlyCollection<PolicyDocument> Documents => (IReadOnlyCollection<PolicyDocument>)_documents.Values;

    public UpsertOutcome Upsert(PolicyDocument document)
    {
        BeforeUpsert?.Invoke(document);
        if (_documents.TryGetValue(document.Id, out var old))
        {
            if (JsonSerializer.Serialize(old, PolicyJson.Options) == JsonSerializer.Serialize(document, PolicyJson.Options)) return UpsertOutcome.Unchanged;
            _documents[document.Id] = document;
            return UpsertOutcome.Updated;
        }
        _documents[document.Id] = document;
        return UpsertOutcome.Added;
    }

    public void Commit() => Interlocked.Increment(ref Commits);

    public PolicyDocument? Get(string id) => _documents.GetValueOrDefault(id);
}

/// <summary>
/// A minimal page reader for behaviour tests: the title from h1/h2 or &lt;title&gt;, paragraphs as the body, links to
/// .docx/.pdf as attachments, the hash over title and body. Attachment text: the bytes as UTF-8 for files
/// named .txt, else the DOCX/PDF reader of the importer.
/// </summary>
public sealed class SimplePageReader : IPageReader
{
    public PageReading Read(byte[] content, string siteUrl, string? contentType)
    {
        if (contentType is not null && !contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
            return new PageReading(null, $"not an HTML page ({contentType})");
        var document = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(content));
        var title = (document.QuerySelector("h2, h1") ?? document.QuerySelector("title"))?.TextContent.Trim();
        if (string.IsNullOrEmpty(title)) return new PageReading(null, "no title");
        var body = document.QuerySelectorAll("p").Select(p => BodyBlock.Paragraph(p.TextContent.Trim())).ToList();
        var attachments = document.QuerySelectorAll("a[href]")
            .Where(a => a.GetAttribute("href")!.EndsWith(".docx") || a.GetAttribute("href")!.EndsWith(".pdf"))
            .Select(a => new Attachment(a.TextContent.Trim(), new Uri(new Uri(siteUrl), a.GetAttribute("href")).AbsoluteUri, a.GetAttribute("href")!.EndsWith(".pdf") ? "pdf" : "docx"))
            .ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + string.Join("\n", body.Select(b => b.Text)))));
        return new PageReading(new PolicyDocument
        {
            Id = DocumentId.FromUrl(siteUrl), Title = title, Url = siteUrl, Body = body, Attachments = attachments, ContentHash = hash,
            Sources = [new DocumentSource(siteUrl, Site.Other)],
        }, null);
    }

    public string? ReadAttachment(byte[] content, string fileNameOrKind) => Import.AttachmentText.Extract(content, fileNameOrKind);
}
