package example.walls.directory;

public class DirectoryEntries {

	public void rebuild() {
	}

}
