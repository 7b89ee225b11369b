using PolicyKB.Model;

namespace PolicyKB.Search.Tests;

[TestClass]
public sealed class SearchDataTests
{
    private readonly string _data = Directory.CreateTempSubdirectory("policykb-search-data-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_data, recursive: true);

    /// <summary>A data folder with the thesaurus and the user dictionary but no status-rules.json.</summary>
    private SearchData WithoutStatusRules()
    {
        foreach (var file in new[] { SearchData.ThesaurusFileName, SearchData.UserDictionaryFile })
            File.Copy(TestData.Folder.Path(file), Path.Combine(_data, file));
        return new SearchData(new PolicyData(_data));
    }

    [TestMethod]
    public void ASearchReadsNoStatusPhrasesAndAStatusWithoutThemNamesTheMissingFile()
    {
        using var t = new TestIndex();
        t.Index.Upsert(Docs.Make("a", "关于做好全国碳市场配额分配工作的通知", "配额分配方案。本通知自印发之日起施行。"));
        t.Index.Commit();
        t.Index.Dispose();

        using var reader = PolicyIndex.OpenReadOnly(t.Folder, new PolicyIndexOptions { Data = WithoutStatusRules() });
        Assert.AreEqual(1, reader.Search(new SearchRequest { Query = "配额分配" }).Total);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => reader.Status("a"));
        StringAssert.Contains(e.Message, $"'status-rules.json' is missing from the data folder '{_data}'");
    }

    [TestMethod]
    public void AnIndexWithoutItsUserDictionaryFailsNamingTheFolderAndTheFile()
    {
        var data = new SearchData(new PolicyData(_data));
        var folder = Path.Combine(_data, "kb");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => PolicyIndex.Open(folder, new PolicyIndexOptions { Data = data }).Dispose());
        StringAssert.Contains(e.Message, $"'userdict.txt' is missing from the data folder '{_data}'");
    }

    [TestMethod]
    public void AnIndexThatFailsOnItsThesaurusLetsGoOfTheFolder()
    {
        File.Copy(TestData.Folder.Path(SearchData.UserDictionaryFile), Path.Combine(_data, SearchData.UserDictionaryFile));
        var folder = Path.Combine(_data, "kb");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => PolicyIndex.Open(folder, new PolicyIndexOptions { Data = new SearchData(new PolicyData(_data)) }).Dispose());
        StringAssert.Contains(e.Message, $"'{SearchData.ThesaurusFileName}' is missing from the data folder '{_data}'");

        // The writer it had opened is closed: once the file is there, the same process opens the folder again.
        File.Copy(TestData.Folder.Path(SearchData.ThesaurusFileName), Path.Combine(_data, SearchData.ThesaurusFileName));
        using var index = PolicyIndex.Open(folder, new PolicyIndexOptions { Data = new SearchData(new PolicyData(_data)) });
        Assert.AreEqual(0, index.Count);
    }
}
