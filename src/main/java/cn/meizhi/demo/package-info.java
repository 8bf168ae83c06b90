/**
 * Demo mode: fictional but realistic data and demo accounts, loaded on first start with
 * the embedded database or with the {@code demo} profile. Never active otherwise.
 */
package cn.meizhi.demo;
