package dev.logredact.attach;

import java.util.Collections;

/**
 * The Log4j 2 classes patched to hand the text of each event to {@code Log4j2Hooks} before it is
 * encoded: the builder of the direct encoders ({@code StringBuilderEncoder},
 * {@code LockingStringBuilderEncoder}; the default, {@code log4j2.enableDirectEncoders}), or the
 * string {@code AbstractStringLayout#getBytes} encodes when direct encoding is off or a layout does
 * not use it. Only the {@code StringBuilder} overload of {@code encode}: the {@code Object} one is the
 * bridge method that calls it, and patching both would mask and count each event twice.
 *
 * <p>JsonTemplateLayout (log4j-layout-template-json) is no {@code AbstractStringLayout}: its
 * {@code encode} hands the builder to a private {@code JsonTemplateLayout$StringBuilderEncoder} in
 * current versions (2.25 has it; 2.17 uses the core encoders above), and {@code toByteArray}, the path
 * without direct encoders, encodes what {@code toSerializable(LogEvent)} returns. Those two are
 * patched; the JSON stays JSON because masks hold no character JSON escapes, and secrets are found in
 * their escaped forms.
 */
final class Log4j2Patch {
    static final String PACKAGE = "org/apache/logging/log4j/core/layout/";
    static final String STRING_BUILDER_ENCODER = PACKAGE + "StringBuilderEncoder";
    static final String LOCKING_STRING_BUILDER_ENCODER = PACKAGE + "LockingStringBuilderEncoder";
    static final String ABSTRACT_STRING_LAYOUT = PACKAGE + "AbstractStringLayout";
    static final String ENCODE_DESCRIPTOR = "(Ljava/lang/StringBuilder;L" + PACKAGE + "ByteBufferDestination;)V";
    static final String GET_BYTES_DESCRIPTOR = "(Ljava/lang/String;)[B";
    static final String JSON_TEMPLATE_LAYOUT = "org/apache/logging/log4j/layout/template/json/JsonTemplateLayout";
    static final String JSON_TEMPLATE_ENCODER = JSON_TEMPLATE_LAYOUT + "$StringBuilderEncoder";
    static final String TO_SERIALIZABLE_DESCRIPTOR = "(Lorg/apache/logging/log4j/core/LogEvent;)Ljava/lang/String;";

    private Log4j2Patch() {
    }

    /** One transformer per class: one registered for several names would patch each of them once per name. */
    static LibraryEntryHookPatch encoder(String className, String hookClass) {
        return new LibraryEntryHookPatch(className, hookClass, Collections.singletonList(
                EntryHookPatch.Target.replacingArgument("encode", ENCODE_DESCRIPTOR, "maskBuilder", 0)));
    }

    /** {@code toSerializable(LogEvent)} of JsonTemplateLayout returns masked text; a broken agent, a withheld event. */
    static ReturnValuePatch jsonTemplateLayout(String hookClass, String withheld) {
        return new ReturnValuePatch(JSON_TEMPLATE_LAYOUT, hookClass, Collections.singletonList(
                new ReturnValuePatch.Target("toSerializable", TO_SERIALIZABLE_DESCRIPTOR, "maskString", withheld)));
    }

    static LibraryEntryHookPatch layout(String hookClass) {
        return new LibraryEntryHookPatch(ABSTRACT_STRING_LAYOUT, hookClass, Collections.singletonList(
                EntryHookPatch.Target.replacingArgument("getBytes", GET_BYTES_DESCRIPTOR, "maskString", 0)));
    }
}
