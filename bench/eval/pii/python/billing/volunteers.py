"""Volunteer roster for the food bank's Saturday shifts (MongoEngine on the free Atlas tier)."""
import mongoengine as me

me.connect(host="mongodb://localhost/foodbank")


class Shift(me.EmbeddedDocument):
    day = me.DateField(required=True)
    site = me.StringField(max_length=60)


class Volunteer(me.Document):
    # expect-none: pii
    display_name = me.StringField(required=True)
    # expect-none: pii
    email = me.EmailField(unique=True)
    shifts = me.ListField(me.EmbeddedDocumentField(Shift))
    # expect: pii/unencrypted-model-field
    dob = me.DateField()
    # expect: pii/unencrypted-model-field
    drivers_licence_number = me.StringField(max_length=20)
    # expect-none: pii
    background_check_passed = me.BooleanField(default=False)
    meta = {"indexes": ["email"]}
