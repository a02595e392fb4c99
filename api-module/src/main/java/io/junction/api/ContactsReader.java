package io.junction.api;

import java.util.List;

/** A connector capability ({@link Capability#CONTACTS}): the user's address book. */
public interface ContactsReader {

  List<Contact> contacts(ProviderApp app, ProviderSession session);
}
