package dev.scout.app.hubspot;

import dev.scout.app.export.ColumnSpec;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HubSpot object Scout upserts into and the unique property that carries Scout's profile id: {@code contacts}
 * keyed by {@code scout_id} by default, or another object type (a custom object id such as {@code 2-1234567}) and
 * property name from {@code hubspot.objectType} / {@code hubspot.idProperty}.
 *
 * <p>Contacts come with {@code firstname}, {@code email} and {@code website} in every portal, so Scout creates only
 * its own {@code scout_*} properties there. Any other object type has only what its schema defines, so every mapped
 * property the object lacks is created.
 *
 * @param objectType the CRM object type in API paths ({@code contacts}, {@code companies}, {@code 2-1234567}, …)
 * @param idProperty the unique-valued property upserts are keyed on
 */
public record CrmObject(String objectType, String idProperty) {

    private static final Pattern OBJECT_TYPE = Pattern.compile("[a-z][a-z_]*|\\d+-\\d+");
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9_]{0,99}");
    /** Scout's column that holds the stable profile id; mapped to {@link #idProperty()}. */
    private static final String ID_COLUMN_PROPERTY = "scout_id";
    private static final Set<String> STANDARD_CONTACT_PROPERTIES = Set.of("firstname", "email", "website");

    /** The default; declared after the patterns its constructor checks against. */
    public static final CrmObject CONTACTS = new CrmObject("contacts", "scout_id");

    public CrmObject {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(idProperty, "idProperty");
        if (!OBJECT_TYPE.matcher(objectType).matches()) {
            throw new HubSpotException(HubSpotException.Kind.CONFIGURATION, -1, null, "hubspot.objectType: '"
                    + objectType + "' is neither an object name such as contacts nor a custom object id such as 2-1234567");
        }
        if (!PROPERTY.matcher(idProperty).matches()) {
            throw new HubSpotException(HubSpotException.Kind.CONFIGURATION, -1, null, "hubspot.idProperty: '"
                    + idProperty + "' must be lower-case letters, digits and _, starting with a letter");
        }
    }

    public boolean isContacts() {
        return objectType.equals("contacts");
    }

    /** {@code /crm/v3/properties/{objectType}}. */
    String propertiesPath() {
        return "/crm/v3/properties/" + objectType;
    }

    /** {@code /crm/v3/objects/{objectType}/batch/upsert}. */
    String upsertPath() {
        return "/crm/v3/objects/" + objectType + "/batch/upsert";
    }

    /** The property a column is written to on this object. */
    public String property(ColumnSpec column) {
        return column.hubspotProperty().equals(ID_COLUMN_PROPERTY) ? idProperty : column.hubspotProperty();
    }

    /** Whether Scout must make sure the column's property exists (it never creates a contact's standard ones). */
    boolean createsPropertyFor(ColumnSpec column) {
        return !(isContacts() && STANDARD_CONTACT_PROPERTIES.contains(column.hubspotProperty()));
    }

    /** The private-app scopes a push into this object needs, for error messages. */
    String scopes() {
        return isContacts() ? "crm.objects.contacts.write and crm.schemas.contacts.write"
                : "crm.objects.custom.write and crm.schemas.custom.write (or the scopes of the " + objectType + " object)";
    }

    /** A plural noun for messages: {@code contacts}, or {@code <objectType> records} for other objects. */
    public String noun() {
        return isContacts() ? "contacts" : objectType + " records";
    }
}
