package example.walls.demo;

import example.walls.directory.DirectoryEntries;

public class DemoData {

	private final DirectoryEntries entries = new DirectoryEntries();

	public void load() {
		entries.rebuild();
	}

}
