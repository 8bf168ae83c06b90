package cn.meizhi.qualitymeasure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * A period's report as a file, CSV (UTF-8, with or without BOM) or XLSX: a header row
 * naming the columns (in Chinese or English), then one row per measure. The template the
 * clinic downloads has every measure of the period with the values saved so far.
 */
final class MeasureReportFile {

	/** The largest file accepted: a period's template is a few kilobytes. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	static final List<String> HEADER_ZH = List.of("指标代码", "指标名称", "单位", "分子", "分母");

	static final List<String> HEADER_EN = List.of("code", "measure", "unit", "numerator", "denominator");

	/**
	 * One row as read: its line in the file, the institution's credit code (bulk files
	 * only), the measure code and the two numbers as text.
	 */
	record Line(long line, String creditCode, String code, String numerator, String denominator) {
	}

	/** A bulk file's credit-code column. */
	static final String CREDIT_CODE_ZH = "统一社会信用代码";

	static final String CREDIT_CODE_EN = "credit_code";

	/** The largest bulk file: a province's period is some hundred thousand rows. */
	static final int MAX_BULK_BYTES = 20 * 1024 * 1024;

	/** The rows, or why the file cannot be read (a message key). */
	record Read(List<Line> lines, String problem) {

		static Read failed(String problem) {
			return new Read(List.of(), problem);
		}

	}

	/** The template's rows: code, name, unit, numerator, denominator. */
	record TemplateRow(String code, String name, String unit, String numerator, String denominator) {
	}

	private MeasureReportFile() {
	}

	static Read read(String filename, byte[] content) {
		return read(filename, content, false);
	}

	/**
	 * Reads a period's file: one institution's (no credit-code column), or a bulk file of
	 * many institutions (a credit-code column first).
	 */
	static Read read(String filename, byte[] content, boolean bulk) {
		if (content.length > (bulk ? MAX_BULK_BYTES : MAX_BYTES)) {
			return Read.failed(bulk ? "measureReport.bulk.tooLarge" : "measureReport.file.tooLarge");
		}
		boolean xlsx = (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"))
				|| (content.length > 1 && content[0] == 'P' && content[1] == 'K');
		try {
			List<List<String>> rows = xlsx ? xlsxRows(content) : csvRows(content);
			if (rows.isEmpty()) {
				return Read.failed("measureReport.file.empty");
			}
			List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
			int code = column(header, 0);
			int numerator = column(header, 3);
			int denominator = column(header, 4);
			int creditCode = Math.max(header.indexOf(CREDIT_CODE_ZH), header.indexOf(CREDIT_CODE_EN));
			if (code < 0 || numerator < 0 || denominator < 0 || (bulk && creditCode < 0)) {
				return Read.failed(bulk ? "measureReport.bulk.wrongTemplate" : "measureReport.file.wrongTemplate");
			}
			List<Line> lines = new ArrayList<>();
			for (int i = 1; i < rows.size(); i++) {
				List<String> row = rows.get(i);
				if (row.stream().allMatch(String::isBlank)) {
					continue;
				}
				lines.add(new Line(i + 1, bulk ? cell(row, creditCode) : null, cell(row, code), cell(row, numerator),
						cell(row, denominator)));
			}
			return lines.isEmpty() ? Read.failed("measureReport.file.empty") : new Read(lines, null);
		}
		catch (IOException | RuntimeException ex) {
			return Read.failed("measureReport.file.unreadable");
		}
	}

	private static int column(List<String> header, int index) {
		int zh = header.indexOf(HEADER_ZH.get(index));
		return zh >= 0 ? zh : header.indexOf(HEADER_EN.get(index));
	}

	private static String cell(List<String> row, int column) {
		return column < row.size() && row.get(column) != null ? row.get(column).strip() : "";
	}

	private static List<List<String>> csvRows(byte[] content) throws IOException {
		// without a byte-order mark if there is one; a file that is not UTF-8 is refused
		int bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF ? 3 : 0;
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, bom, content.length - bom),
				StandardCharsets.UTF_8.newDecoder())) {
			List<List<String>> rows = new ArrayList<>();
			for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
				rows.add(record.toList());
			}
			return rows;
		}
	}

	private static List<List<String>> xlsxRows(byte[] content) throws IOException {
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
			List<List<String>> rows = new ArrayList<>();
			for (var row : workbook.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					var cell = row.getCell(c);
					if (cell == null) {
						cells.add("");
					}
					else if (cell.getType() == CellType.NUMBER) {
						cells.add(cell.asNumber().stripTrailingZeros().toPlainString());
					}
					else {
						cells.add(cell.getText() == null ? "" : cell.getText());
					}
				}
				rows.add(cells);
			}
			return rows;
		}
	}

	static byte[] csv(List<String> header, List<TemplateRow> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				var printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
			// a byte-order mark: Excel opens UTF-8 CSV as such only with it
			writer.write('\uFEFF');
			printer.printRecord(header);
			for (TemplateRow row : rows) {
				printer.printRecord(row.code(), row.name(), row.unit(), row.numerator(), row.denominator());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A template's row: the institution (a bulk template's; null otherwise), then the
	 * measure's columns.
	 */
	record BulkRow(String creditCode, String institution, TemplateRow row) {
	}

	/**
	 * The template as a workbook: with the institution's two columns first for a bulk
	 * one.
	 */
	static byte[] xlsx(List<String> header, List<BulkRow> rows, String sheetName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "Meizhi", "1.0")) {
			Worksheet sheet = workbook.newWorksheet(sheetName);
			for (int c = 0; c < header.size(); c++) {
				sheet.value(0, c, header.get(c));
				sheet.style(0, c).bold().set();
			}
			boolean bulk = !rows.isEmpty() && rows.get(0).creditCode() != null;
			int first = bulk ? 2 : 0;
			for (int r = 0; r < rows.size(); r++) {
				BulkRow row = rows.get(r);
				if (bulk) {
					sheet.value(r + 1, 0, row.creditCode());
					sheet.value(r + 1, 1, row.institution());
				}
				sheet.value(r + 1, first, row.row().code());
				sheet.value(r + 1, first + 1, row.row().name());
				sheet.value(r + 1, first + 2, row.row().unit());
				number(sheet, r + 1, first + 3, row.row().numerator());
				number(sheet, r + 1, first + 4, row.row().denominator());
			}
			if (bulk) {
				sheet.width(0, 22);
			}
			sheet.width(first + 1, 30);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void number(Worksheet sheet, int row, int column, String value) {
		if (value != null && !value.isBlank()) {
			sheet.value(row, column, new java.math.BigDecimal(value));
		}
	}

}
