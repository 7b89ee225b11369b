using PolicyKB.Import;

namespace PolicyKB.Crawl;

/// <summary>The importer's parser (the program's one, from its data folder) and attachment reader: what every crawl and reparse uses outside tests.</summary>
internal sealed class ImportPageReader(DocumentParser parser) : IPageReader
{
    public PageReading Read(byte[] content, string siteUrl, string? contentType)
    {
        var result = parser.Parse(content, new PageSource(siteUrl, null, contentType));
        return new PageReading(result.Document, result.Error);
    }

    public string? ReadAttachment(byte[] content, string fileNameOrKind) => AttachmentText.Extract(content, fileNameOrKind);
}
