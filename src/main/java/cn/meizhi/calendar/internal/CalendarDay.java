package cn.meizhi.calendar.internal;

import java.time.LocalDate;

import cn.meizhi.calendar.DayKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A day that differs from the usual week. */
@Entity
@Table(name = "working_calendar_day")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CalendarDay {

	@Id
	private LocalDate day;

	@Enumerated(EnumType.STRING)
	private DayKind kind;

	private String name;

	public CalendarDay(LocalDate day, DayKind kind, String name) {
		this.day = day;
		this.kind = kind;
		this.name = name;
	}

	public void change(DayKind kind, String name) {
		this.kind = kind;
		this.name = name;
	}

}
