package vn.bantin.console;

import java.util.List;

import vn.bantin.delivery.RecipientTable;

/** One row of the recipients form (0-based {@code row}), with what is wrong with it. */
public record RecipientLine(int row, RecipientTable.Row r, List<String> problems) {
}
