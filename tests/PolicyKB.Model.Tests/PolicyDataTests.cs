namespace PolicyKB.Model.Tests;

[TestClass]
public sealed class PolicyDataTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policykb-data-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void A_missing_data_file_fails_naming_the_folder_and_the_file()
    {
        var data = new PolicyData(_folder);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => data.Load("issuers.json", File.ReadAllText));
        Assert.Contains("'issuers.json'", e.Message);
        Assert.Contains($"'{_folder}'", e.Message);
        Assert.Contains(PolicyData.EnvironmentVariable, e.Message);
    }

    [TestMethod]
    public void A_file_its_reader_refuses_fails_naming_the_folder_the_file_and_the_reason()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "briefs"));
        File.WriteAllText(Path.Combine(_folder, "briefs", "default.json"), "{ not json");
        var data = new PolicyData(_folder);
        var e = Assert.ThrowsExactly<InvalidDataException>(() =>
            data.Load("briefs/default.json", path => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))));
        Assert.Contains("'briefs/default.json'", e.Message);
        Assert.Contains($"'{_folder}'", e.Message);
        Assert.IsInstanceOfType<System.Text.Json.JsonException>(e.InnerException);
    }

    [TestMethod]
    public void A_present_file_is_read_from_the_folder()
    {
        File.WriteAllText(Path.Combine(_folder, "thesaurus.txt"), "双碳 => 碳达峰, 碳中和");
        Assert.AreEqual("双碳 => 碳达峰, 碳中和", new PolicyData(_folder).Load("thesaurus.txt", File.ReadAllText));
    }
}
