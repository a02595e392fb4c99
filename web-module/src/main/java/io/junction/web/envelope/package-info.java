/**
 * The Gigya envelope around every call: the call's parameters and options ({@link
 * io.junction.web.envelope.ApiCall}, read by {@link io.junction.web.envelope.ApiCallFilter}), the
 * shared parameter rules ({@link io.junction.web.envelope.Parameters}), the JSON and XML answers,
 * and the one mapping of every failure to errorCode, errorMessage, errorDetails and callId.
 */
package io.junction.web.envelope;
