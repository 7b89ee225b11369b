using PolicyKB.Model;
using PolicyKB.Search.Analysis;
using PolicyKB.Search.Querying;
using PolicyKB.Search.Status;

namespace PolicyKB.Search;

/// <summary>
/// The search's data files of one data folder: the user dictionary and the status phrases, each read once when first
/// needed, and the thesaurus (which each index re-reads when it changes). Given to every index through
/// <see cref="PolicyIndexOptions.Data"/>; one per program.
/// </summary>
public sealed class SearchData
{
    public const string ThesaurusFileName = "thesaurus.txt";
    public const string UserDictionaryFile = "userdict.txt";

    private readonly Lazy<UserDictionary> _userDictionary;
    private readonly Lazy<StatusPhrases> _statusPhrases;

    public SearchData(PolicyData folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Folder = folder;
        _userDictionary = new(() => folder.Load(UserDictionaryFile, UserDictionary.Load));
        _statusPhrases = new(() => folder.Load(StatusPhrases.DefaultFile, StatusPhrases.Load));
    }

    public PolicyData Folder { get; }

    /// <summary>The phrases of data/status-rules.json (read only when a status is decided: a plain search never needs them).</summary>
    public StatusPhrases StatusPhrases => _statusPhrases.Value;

    internal UserDictionary UserDictionary => _userDictionary.Value;

    /// <summary>data/thesaurus.txt, watched for changes by <paramref name="clock"/>.</summary>
    internal ThesaurusFile Thesaurus(TimeProvider clock) => Folder.Load(ThesaurusFileName, path => new ThesaurusFile(path, clock));
}
