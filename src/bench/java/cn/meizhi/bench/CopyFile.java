package cn.meizhi.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.postgresql.copy.CopyManager;

/**
 * The rows of one table in PostgreSQL's COPY text format, written to a temporary file
 * while the data set is generated and loaded with one {@code COPY … FROM STDIN}
 * afterwards (parents before children, in one transaction), so that millions of rows
 * never sit in memory.
 */
final class CopyFile implements AutoCloseable {

	private final String table;

	private final String columns;

	private final Path file;

	private final Writer out;

	private long rows;

	CopyFile(String table, String columns) {
		this.table = table;
		this.columns = columns;
		try {
			this.file = Files.createTempFile("meizhi-" + table + "-", ".copy");
			this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One row; {@code null} becomes SQL NULL. */
	void row(Object... values) {
		try {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					out.write('\t');
				}
				Object value = values[i];
				if (value == null) {
					out.write("\\N");
				}
				else {
					escape(value.toString());
				}
			}
			out.write('\n');
			rows++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long rows() {
		return rows;
	}

	/** Streams the rows into the table; returns how many were loaded. */
	long load(CopyManager copy) throws IOException, SQLException {
		out.close();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return copy.copyIn("copy " + table + " (" + columns + ") from stdin", reader, 1 << 16);
		}
	}

	private void escape(String text) throws IOException {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.write("\\\\");
				case '\t' -> out.write("\\t");
				case '\n' -> out.write("\\n");
				case '\r' -> out.write("\\r");
				default -> out.write(c);
			}
		}
	}

	@Override
	public void close() {
		try {
			out.close();
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
