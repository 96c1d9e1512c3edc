// Planted (4): a BCL type nanoFramework does not offer (no FileSystemWatcher in nanoFramework.System.IO.FileSystem).
namespace Planted
{
    public class UsesFileSystemWatcher
    {
        public bool WatchesSubdirectories(string path)
        {
            System.IO.FileSystemWatcher watcher = new System.IO.FileSystemWatcher(path);
            return watcher.IncludeSubdirectories;
        }
    }
}
