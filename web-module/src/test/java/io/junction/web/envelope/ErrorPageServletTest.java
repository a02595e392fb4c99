package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.junction.api.ErrorCode;
import org.junit.jupiter.api.Test;

class ErrorPageServletTest {

  @Test
  void theContainersStatusesBecomeGigyaErrors() {
    assertEquals(ErrorCode.NOT_FOUND, ErrorPageServlet.map(404).code());
    assertEquals(ErrorCode.INVALID_REQUEST_FORMAT, ErrorPageServlet.map(400).code());
    assertEquals(400, ErrorPageServlet.map(400).httpStatus());
    assertEquals(405, ErrorPageServlet.map(405).httpStatus());
    assertEquals(ErrorCode.REQUEST_ENTITY_TOO_LARGE, ErrorPageServlet.map(413).code());
    // The server's HTTP endpoint knows no 431: a 400 it is.
    assertEquals(400, ErrorPageServlet.map(431).httpStatus());
    assertEquals(ErrorCode.GENERAL_SERVER_ERROR, ErrorPageServlet.map(503).code());
    assertEquals(500, ErrorPageServlet.map(503).httpStatus());
  }
}
