package cn.meizhi.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import cn.meizhi.qualitymeasure.MeasureSets;

import org.springframework.core.io.ClassPathResource;

/**
 * The demo's example quality-control measure set (22 measures: 非计划再次手术率, 手术部位感染率,
 * 美容主诊医师占比, 投诉率 per 1,000 patients …), imported from
 * {@code demo/example-quality-measures.json} through the normal JSON import and
 * published. Marked as an example.
 */
final class ExampleMeasures {

	private ExampleMeasures() {
	}

	static long load(MeasureSets sets) {
		try (InputStream json = new ClassPathResource("demo/example-quality-measures.json").getInputStream()) {
			var result = sets.importJson(ExampleStandard.AUTHOR, json);
			if (!result.succeeded()) {
				throw new IllegalStateException("The example measure set does not import: " + result.problems());
			}
			sets.publish(ExampleStandard.AUTHOR, result.set().getId());
			return result.set().getId();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
