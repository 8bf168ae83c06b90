/**
 * Evaluation cycles (评价周期): a regulator's campaign over a jurisdiction under one
 * published standard version, with its windows, status and enrolled institutions.
 */
package cn.meizhi.cycle;
