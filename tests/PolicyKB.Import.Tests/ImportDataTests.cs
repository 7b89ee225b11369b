using PolicyKB.Model;

namespace PolicyKB.Import.Tests;

[TestClass]
public sealed class ImportDataTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policykb-import-data-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>A data folder holding the real files of the import except <paramref name="left"/>.</summary>
    private ImportData DataWithout(string left)
    {
        foreach (var file in new[] { ImportData.IssuersFile, ImportData.ThemesFile, ImportData.DocumentTypesFile, ImportData.MethodologySectorsFile }.Where(f => f != left))
            File.Copy(TestData.Folder.Path(file), Path.Combine(_folder, file));
        return new ImportData(new PolicyData(_folder));
    }

    [TestMethod]
    public void Parser_without_issuers_file_fails_naming_the_folder_and_the_file()
    {
        var data = DataWithout(ImportData.IssuersFile);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => data.Parser);
        Assert.Contains($"'{ImportData.IssuersFile}' is missing from the data folder '{_folder}'", e.Message);
    }

    [TestMethod]
    public void Broken_themes_file_fails_naming_the_folder_and_the_file()
    {
        var data = DataWithout(ImportData.ThemesFile);
        File.WriteAllText(Path.Combine(_folder, ImportData.ThemesFile), "{\"themes\": [");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => data.Themes);
        Assert.Contains($"'{ImportData.ThemesFile}' in the data folder '{_folder}' cannot be used", e.Message);
    }

    [TestMethod]
    public void Each_file_is_read_once_and_only_when_first_needed()
    {
        var data = DataWithout(ImportData.MethodologySectorsFile);
        // The issuers alone do not need the methodology sectors, which are missing here.
        var issuers = data.Issuers;
        File.Delete(Path.Combine(_folder, ImportData.IssuersFile));
        Assert.AreSame(issuers, data.Issuers, "read once: deleting the file afterwards changes nothing");
        Assert.ThrowsExactly<InvalidDataException>(() => data.Parser);
    }

    [TestMethod]
    public void Parser_is_built_once_over_the_files_as_first_read()
    {
        var data = DataWithout("");
        var parser = data.Parser;
        foreach (var file in Directory.GetFiles(_folder)) File.Delete(file);
        Assert.AreSame(parser, data.Parser);
        var page = RepoPaths.Sample("govcn-puhui-jinrong.html");
        var parsed = data.Parser.Parse(File.ReadAllBytes(page), new PageSource(FilePath: page));
        Assert.IsNotNull(parsed.Document, parsed.Error);
    }
}
