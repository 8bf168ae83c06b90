/**
 * GB/T 2260 administrative regions: the codes institutions are located in and
 * jurisdictions are made of.
 */
package cn.meizhi.region;
