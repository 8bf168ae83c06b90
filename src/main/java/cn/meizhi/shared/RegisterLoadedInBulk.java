package cn.meizhi.shared;

/**
 * Data went into the register's tables in bulk, past the modules' services (the demo
 * data, the data generator): the read models built from them recompute themselves.
 *
 * @param source what loaded it, for the log
 */
public record RegisterLoadedInBulk(String source) {

}
